package io.idcardstream.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name (or an IP literal) into addresses. {@link GuardedImageFetcher} calls it once per hop,
 * checks every address it returns and connects only to those, so a second, different DNS answer cannot slip
 * past the guard (DNS rebinding).
 *
 * <p>Threading notes: implementations are thread-safe; a call may block (the fetcher bounds the wait).
 */
@FunctionalInterface
public interface HostResolver {

    /** The operating system's resolver. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}

package io.idcardstream.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Decides which IP addresses an image download may connect to (the SSRF guard). Public unicast addresses are
 * allowed; loopback and private ranges only when configured; link-local (which holds the cloud metadata
 * services, e.g. 169.254.169.254 and Tencent's 169.254.0.23), the IPv6 metadata address fd00:ec2::254,
 * multicast, unspecified and reserved addresses never. IPv6 forms that embed an IPv4 address (IPv4-compatible,
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the embedded address.
 *
 * <p>Threading notes: immutable and thread-safe.
 */
final class AddressGuard {

    /** Why an address is refused; {@link #ALLOWED} when it is not. */
    enum Verdict {
        ALLOWED("allowed"),
        LOOPBACK("a loopback address"),
        PRIVATE("a private address"),
        LINK_LOCAL("a link-local address"),
        METADATA("a cloud metadata address"),
        MULTICAST("a multicast address"),
        UNSPECIFIED("an unspecified address"),
        RESERVED("a reserved address");

        private final String description;

        Verdict(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private static final byte[] AWS_IPV6_METADATA = ipv6("fd00:ec2::254");

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    Verdict check(InetAddress address) {
        Verdict verdict = classify(address);
        if (verdict == Verdict.LOOPBACK && allowLoopback || verdict == Verdict.PRIVATE && allowPrivate) {
            return Verdict.ALLOWED;
        }
        return verdict;
    }

    /** What kind of address this is, regardless of what is allowed. */
    static Verdict classify(InetAddress address) {
        if (address instanceof Inet4Address) {
            return classifyIpv4(address.getAddress());
        }
        byte[] bytes = address.getAddress();
        if (Arrays.equals(bytes, AWS_IPV6_METADATA)) {
            return Verdict.METADATA;
        }
        // Before the embedded forms: :: and ::1 are also "IPv4-compatible" (0.0.0.0 and 0.0.0.1).
        if (address.isAnyLocalAddress()) {
            return Verdict.UNSPECIFIED;
        }
        if (address.isLoopbackAddress()) {
            return Verdict.LOOPBACK;
        }
        byte[] embedded = embeddedIpv4((Inet6Address) address, bytes);
        if (embedded != null) {
            return classifyIpv4(embedded);
        }
        if (address.isLinkLocalAddress()) {
            return Verdict.LINK_LOCAL;
        }
        if (address.isMulticastAddress()) {
            return Verdict.MULTICAST;
        }
        int first = bytes[0] & 0xff;
        // fc00::/7 unique local addresses, and the deprecated fec0::/10 site-local ones.
        if ((first & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
            return Verdict.PRIVATE;
        }
        return Verdict.ALLOWED;
    }

    private static Verdict classifyIpv4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        int c = bytes[2] & 0xff;
        int d = bytes[3] & 0xff;
        if (a == 0) {
            return Verdict.UNSPECIFIED; // 0.0.0.0/8, "this network"
        }
        if (a == 127) {
            return Verdict.LOOPBACK;
        }
        if (a == 169 && b == 254) {
            return c == 169 && d == 254 ? Verdict.METADATA : Verdict.LINK_LOCAL;
        }
        if (a == 10 || a == 172 && (b & 0xf0) == 16 || a == 192 && b == 168 || a == 100 && (b & 0xc0) == 64) {
            return Verdict.PRIVATE; // RFC 1918 and 100.64.0.0/10 (carrier-grade NAT)
        }
        if (a >= 224 && a <= 239) {
            return Verdict.MULTICAST;
        }
        if (a >= 240 || a == 192 && b == 0 && c == 0 || a == 198 && (b & 0xfe) == 18) {
            return Verdict.RESERVED; // 240.0.0.0/4 incl. broadcast, 192.0.0.0/24, 198.18.0.0/15
        }
        return Verdict.ALLOWED;
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 or 6to4 IPv6 address, or null. */
    private static byte[] embeddedIpv4(Inet6Address address, byte[] bytes) {
        if (address.isIPv4CompatibleAddress()) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        boolean nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                && allZero(bytes, 4, 12);
        if (nat64) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return Arrays.copyOfRange(bytes, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ipv6(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("An IPv6 literal always parses: " + literal, e);
        }
    }
}

package io.idcardstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.fetch.AddressGuard.Verdict;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private static Map<String, Verdict> classifyAll(AddressGuard guard, String... literals) throws Exception {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String literal : literals) {
            verdicts.put(literal, guard.check(InetAddress.getByName(literal)));
        }
        return verdicts;
    }

    private static final String[] ADDRESSES = {
        "8.8.8.8", "2001:4860:4860::8888",
        "127.0.0.1", "127.8.9.10", "::1",
        "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "fd12:3456::1",
        "fc00::1", "fec0::1",
        "169.254.169.254", "fd00:ec2::254",
        "169.254.0.23", "fe80::1",
        "224.0.0.1", "239.255.255.250", "ff02::1",
        "0.0.0.0", "0.1.2.3", "::",
        "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1",
        "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.255.255",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
        "2002:808:808::1"
    };

    @Test
    void shouldClassifyEveryKindOfAddressWhenNothingIsAllowed() throws Exception {
        // Given
        AddressGuard guard = new AddressGuard(false, false);

        // When
        Map<String, Verdict> verdicts = classifyAll(guard, ADDRESSES);

        // Then
        Map<String, Verdict> expected = new LinkedHashMap<>();
        expected.put("8.8.8.8", Verdict.ALLOWED);
        expected.put("2001:4860:4860::8888", Verdict.ALLOWED);
        expected.put("127.0.0.1", Verdict.LOOPBACK);
        expected.put("127.8.9.10", Verdict.LOOPBACK);
        expected.put("::1", Verdict.LOOPBACK);
        expected.put("10.1.2.3", Verdict.PRIVATE);
        expected.put("172.16.0.1", Verdict.PRIVATE);
        expected.put("172.31.255.255", Verdict.PRIVATE);
        expected.put("192.168.1.1", Verdict.PRIVATE);
        expected.put("100.64.0.1", Verdict.PRIVATE);
        expected.put("100.127.255.255", Verdict.PRIVATE);
        expected.put("fd12:3456::1", Verdict.PRIVATE);
        expected.put("fc00::1", Verdict.PRIVATE);
        expected.put("fec0::1", Verdict.PRIVATE);
        expected.put("169.254.169.254", Verdict.METADATA);
        expected.put("fd00:ec2::254", Verdict.METADATA);
        expected.put("169.254.0.23", Verdict.LINK_LOCAL);
        expected.put("fe80::1", Verdict.LINK_LOCAL);
        expected.put("224.0.0.1", Verdict.MULTICAST);
        expected.put("239.255.255.250", Verdict.MULTICAST);
        expected.put("ff02::1", Verdict.MULTICAST);
        expected.put("0.0.0.0", Verdict.UNSPECIFIED);
        expected.put("0.1.2.3", Verdict.UNSPECIFIED);
        expected.put("::", Verdict.UNSPECIFIED);
        expected.put("255.255.255.255", Verdict.RESERVED);
        expected.put("240.0.0.1", Verdict.RESERVED);
        expected.put("192.0.0.8", Verdict.RESERVED);
        expected.put("198.18.0.1", Verdict.RESERVED);
        expected.put("172.15.255.255", Verdict.ALLOWED);
        expected.put("172.32.0.1", Verdict.ALLOWED);
        expected.put("100.63.255.255", Verdict.ALLOWED);
        expected.put("100.128.0.1", Verdict.ALLOWED);
        expected.put("169.253.255.255", Verdict.ALLOWED);
        expected.put("::ffff:127.0.0.1", Verdict.LOOPBACK);
        expected.put("::ffff:169.254.169.254", Verdict.METADATA);
        expected.put("::10.0.0.1", Verdict.PRIVATE);
        expected.put("64:ff9b::a9fe:a9fe", Verdict.METADATA);
        expected.put("2002:7f00:1::1", Verdict.LOOPBACK);
        expected.put("2002:808:808::1", Verdict.ALLOWED);
        assertThat(verdicts).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldAllowOnlyLoopbackAndPrivateRangesWhenConfigured() throws Exception {
        // Given
        AddressGuard guard = new AddressGuard(true, true);

        // When
        Map<String, Verdict> verdicts = classifyAll(guard, "127.0.0.1", "::1", "10.1.2.3", "100.64.0.1",
                "fd12:3456::1", "169.254.169.254", "fd00:ec2::254", "fe80::1", "224.0.0.1", "0.0.0.0",
                "255.255.255.255");

        // Then
        Map<String, Verdict> expected = new LinkedHashMap<>();
        expected.put("127.0.0.1", Verdict.ALLOWED);
        expected.put("::1", Verdict.ALLOWED);
        expected.put("10.1.2.3", Verdict.ALLOWED);
        expected.put("100.64.0.1", Verdict.ALLOWED);
        expected.put("fd12:3456::1", Verdict.ALLOWED);
        expected.put("169.254.169.254", Verdict.METADATA);
        expected.put("fd00:ec2::254", Verdict.METADATA);
        expected.put("fe80::1", Verdict.LINK_LOCAL);
        expected.put("224.0.0.1", Verdict.MULTICAST);
        expected.put("0.0.0.0", Verdict.UNSPECIFIED);
        expected.put("255.255.255.255", Verdict.RESERVED);
        assertThat(verdicts).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldAllowLoopbackButNotPrivateWhenOnlyLoopbackIsAllowed() throws Exception {
        // Given
        AddressGuard guard = new AddressGuard(true, false);

        // When
        Map<String, Verdict> verdicts = classifyAll(guard, "127.0.0.1", "10.1.2.3", "192.168.0.1");

        // Then
        assertThat(verdicts).isEqualTo(Map.of(
                "127.0.0.1", Verdict.ALLOWED, "10.1.2.3", Verdict.PRIVATE, "192.168.0.1", Verdict.PRIVATE));
    }
}

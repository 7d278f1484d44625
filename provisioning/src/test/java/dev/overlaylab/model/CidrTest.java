package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesNetworkAndPrefix() {
        Cidr c = Cidr.parse("10.1.0.0/16");
        assertThat(Cidr.formatAddress(c.network())).isEqualTo("10.1.0.0");
        assertThat(c.prefix()).isEqualTo(16);
        assertThat(c.size()).isEqualTo(65536);
        assertThat(c).hasToString("10.1.0.0/16");
        assertThat(Cidr.formatAddress(c.broadcast())).isEqualTo("10.1.255.255");
    }

    @Test
    void rejectsTextThatIsNotACidrWithAReadableReason() {
        assertThatThrownBy(() -> Cidr.parse("10.1.0.0")).hasMessageContaining("add the prefix length");
        assertThatThrownBy(() -> Cidr.parse("10.1.0.0/33")).hasMessageContaining("0..32");
        assertThatThrownBy(() -> Cidr.parse("10.1.0/16")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> Cidr.parse("10.1.0.256/16")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> Cidr.parse("")).hasMessageContaining("empty");
        assertThat(Cidr.tryParse("a.b.c.d/8")).isEmpty();
        assertThat(Cidr.tryParseAddress("1.2.3.-4")).isEmpty();
    }

    @Test
    void hostBitsAreNoticedAndCanBeCleared() {
        Cidr c = Cidr.parse("192.168.56.1/24");
        assertThat(c.isNetworkAddress()).isFalse();
        assertThat(c.normalized()).hasToString("192.168.56.0/24");
        assertThat(Cidr.parse("192.168.56.0/24").isNetworkAddress()).isTrue();
    }

    @Test
    void containsAddressesAndNetworks() {
        Cidr c = Cidr.parse("192.168.56.0/21");
        assertThat(c.contains("192.168.63.255")).isTrue();
        assertThat(c.contains("192.168.64.0")).isFalse();
        assertThat(c.contains(Cidr.parse("192.168.56.0/24"))).isTrue();
        assertThat(c.contains(Cidr.parse("192.168.0.0/16"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("255.255.255.255")).isTrue();
    }

    @Test
    void overlapIsSymmetric() {
        Cidr big = Cidr.parse("10.0.0.0/8");
        Cidr nat = Cidr.parse("10.0.2.0/24");
        assertThat(big.overlaps(nat)).isTrue();
        assertThat(nat.overlaps(big)).isTrue();
        assertThat(Cidr.parse("10.1.0.0/16").overlaps(nat)).isFalse();
    }

    @Test
    void nthSubnetAndAddressCountFromTheNetworkStart() {
        Cidr c = Cidr.parse("10.1.0.0/16");
        assertThat(c.subnetCount(24)).isEqualTo(256);
        assertThat(c.nthSubnet(24, 5)).hasToString("10.1.5.0/24");
        assertThat(c.nthSubnet(24, 255)).hasToString("10.1.255.0/24");
        assertThatThrownBy(() -> c.nthSubnet(24, 256)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.subnetCount(8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.formatAddress(Cidr.parse("192.168.56.0/24").nthAddress(101))).isEqualTo("192.168.56.101");
    }

    @Test
    void addressesAboveTwoToTheThirtyOneCompareUnsigned() {
        Cidr c = Cidr.parse("240.0.0.0/4");
        assertThat(Cidr.toLong(c.network())).isGreaterThan(Cidr.toLong(Cidr.parseAddress("10.0.0.0")));
        assertThat(c.contains("250.1.2.3")).isTrue();
        assertThat(c.nthSubnet(8, 15)).hasToString("255.0.0.0/8");
    }

    @Test
    void octetsAbove255AreErrorsNeverWrappedToZero() {
        // the old plan.Ipv4 masked each octet with & 0xff, so 10.1.256.1 silently became 10.1.0.1
        assertThat(Cidr.tryParseAddress("10.1.256.1")).isEmpty();
        assertThat(Cidr.tryParse("10.1.256.0/24")).isEmpty();
        assertThat(Cidr.tryParseAddressOrCidr("10.1.256.1/24")).isEmpty();
        assertThat(Cidr.tryParseAddress("255.255.255.255")).hasValue(-1);
    }

    @Test
    void parsingIsStrictAboutTheShapeOfEachOctet() {
        assertThat(Cidr.tryParseAddress("010.1.1.1")).as("leading zero: inet_aton would read octal 8").isEmpty();
        assertThat(Cidr.tryParseAddress("0.0.0.0")).hasValue(0);
        assertThat(Cidr.tryParseAddress("1.2.3")).isEmpty();
        assertThat(Cidr.tryParseAddress("1.2.3.4.5")).isEmpty();
        assertThat(Cidr.tryParseAddress("1.2..4")).isEmpty();
        assertThat(Cidr.tryParseAddress("1.2.3.+4")).isEmpty();
        assertThat(Cidr.tryParseAddress("1.2.3.4 ")).isEmpty();
        assertThat(Cidr.tryParseAddress("\u0661.2.3.4")).as("a non-ASCII digit").isEmpty();
        assertThat(Cidr.tryParse("10.1.0.0/")).isEmpty();
        assertThat(Cidr.tryParse("10.1.0.0/-1")).isEmpty();
        assertThat(Cidr.tryParse(" 10.1.0.0/16\n")).as("surrounding whitespace of a whole CIDR is fine").hasValue(Cidr.parse("10.1.0.0/16"));
        assertThat(Cidr.tryParse(null)).isEmpty();
    }

    @Test
    void anAddressWithoutPrefixIsASlash32WhereRoutesAllowIt() {
        assertThat(Cidr.tryParseAddressOrCidr("10.0.2.2")).hasValue(Cidr.host(Cidr.parseAddress("10.0.2.2")));
        assertThat(Cidr.tryParseAddressOrCidr("10.1.35.1/24")).hasValueSatisfying(c -> assertThat(c).hasToString("10.1.35.1/24"));
        assertThat(Cidr.tryParseAddressOrCidr("default")).isEmpty();
        assertThat(Cidr.tryParseAddressOrCidr("fe80::1/64")).isEmpty();
        assertThat(Cidr.tryParseAddressOrCidr(null)).isEmpty();
    }

    @Test
    void anInterfaceAddressKeepsItsHostPartAndComparesByAddressAndPrefix() {
        Cidr docker0 = Cidr.parse("10.1.35.1/24");
        assertThat(docker0.ip()).isEqualTo("10.1.35.1");
        assertThat(docker0.normalized()).hasToString("10.1.35.0/24");
        assertThat(docker0).isEqualTo(Cidr.parse("10.1.35.1/24")).isNotEqualTo(Cidr.parse("10.1.35.0/24"))
                .isNotEqualTo(Cidr.parse("10.1.35.1/16"));
        assertThat(Cidr.parse("10.1.0.0/16").contains(docker0)).isTrue();
        assertThat(Cidr.parse("192.168.60.0/24").contains(Cidr.parseAddress("192.168.61.1"))).isFalse();
    }

    @Test
    void netmasksConvertBothWaysAndMustBeContiguous() {
        assertThat(Cidr.parse("192.168.56.0/24").netmask()).isEqualTo("255.255.255.0");
        assertThat(Cidr.parse("0.0.0.0/0").netmask()).isEqualTo("0.0.0.0");
        assertThat(Cidr.parse("10.0.0.1/32").netmask()).isEqualTo("255.255.255.255");
        assertThat(Cidr.prefixOfNetmask("255.255.248.0")).isEqualTo(21);
        assertThat(Cidr.ofNetmask("192.168.56.1", "255.255.255.0")).hasToString("192.168.56.1/24");
        assertThat(Cidr.ofNetmask("192.168.56.1", "255.255.255.0").normalized()).isEqualTo(Cidr.parse("192.168.56.0/24"));
        assertThatThrownBy(() -> Cidr.prefixOfNetmask("255.0.255.0")).hasMessageContaining("contiguous");
    }

    @Test
    void nthHostSkipsTheNetworkAndBroadcastAddresses() {
        Cidr c = Cidr.parse("192.168.56.0/24");
        assertThat(Cidr.formatAddress(c.nthHost(1))).isEqualTo("192.168.56.1");
        assertThat(Cidr.formatAddress(c.nthHost(254))).isEqualTo("192.168.56.254");
        assertThatThrownBy(() -> c.nthHost(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.nthHost(255)).hasMessageContaining("1..254");
        assertThat(Cidr.formatAddress(Cidr.parse("10.0.0.4/30").nthHost(2))).isEqualTo("10.0.0.6");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.4/31").nthHost(1)).hasMessageContaining("no host range");
        assertThat(Cidr.formatAddress(Cidr.parse("10.0.0.0/8").broadcast())).isEqualTo("10.255.255.255");
    }
}

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
}

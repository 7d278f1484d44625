package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readers of node output, against what the tools print (src/test/resources/verify). */
class ParsersTest {

    @Test
    void cidrContainsAndOverlapsByPrefix() {
        Cidr net = Cidr.parse("10.1.0.0/16");
        assertThat(net.contains("10.1.35.1")).isTrue();
        assertThat(net.contains(Cidr.parse("10.1.35.1/24"))).isTrue();
        assertThat(net.contains("10.2.0.1")).isFalse();
        assertThat(Cidr.parse("10.1.35.1/24").normalized()).hasToString("10.1.35.0/24");
        assertThat(Cidr.parse("10.0.0.0/8").overlaps(Cidr.parse("10.0.2.0/24"))).isTrue();
        assertThat(Cidr.parse("10.244.0.0/16").overlaps(Cidr.parse("10.0.2.0/24"))).isFalse();
        assertThat(Cidr.tryParseAddressOrCidr("300.1.1.1/8")).isEmpty();
        assertThat(Cidr.tryParseAddressOrCidr("fe80::1/64")).isEmpty();
    }

    @Test
    void subnetEnvAsFlanneldWritesIt() {
        SubnetEnv env = SubnetEnv.parse(Recorded.load("subnet.env", Map.of("network", "10.1.0.0/16", "subnet", "10.1.35.1/24", "mtu", "1450")));
        assertThat(env.subnet()).hasValueSatisfying(s -> assertThat(s).hasToString("10.1.35.1/24"));
        assertThat(env.network()).hasValueSatisfying(s -> assertThat(s).hasToString("10.1.0.0/16"));
        assertThat(env.mtu()).hasValue(1450);
        assertThat(SubnetEnv.parse("FLANNEL_NETWORK=10.1.0.0/16\n").complete()).isFalse();
    }

    @Test
    void docker0AddressFromIpDashO() {
        String out = Recorded.load("ip-addr-docker0.txt", Map.of("docker0", "10.1.35.1/24", "brd", "10.1.35.255"));
        assertThat(InterfaceAddress.firstInet(out)).hasValueSatisfying(c -> assertThat(c).hasToString("10.1.35.1/24"));
        assertThat(InterfaceAddress.firstInet(Recorded.load("ip-addr-docker0-missing.stderr"))).isEmpty();
    }

    @Test
    void forwardChainWithDockerAndFlannelRulesLetsTheNetworkThrough() {
        ForwardChain chain = ForwardChain.parse(Recorded.load("iptables-forward-docker-flannel.txt", Map.of("network", "10.1.0.0/16")));
        assertThat(chain.policy()).isEqualTo("DROP");
        assertThat(chain.lets(Cidr.parse("10.1.0.0/16"))).isTrue();
        assertThat(chain.lets(Cidr.parse("10.244.0.0/16"))).isFalse();
    }

    @Test
    void forwardChainReadOnARealNodeLetsTheNetworkThrough() {
        // iptables -S FORWARD; iptables -S FLANNEL-FWD on an nspawn node: docker 20.10, flannel 0.28.9, olab-forward-accept
        ForwardChain chain = ForwardChain.parse(Recorded.load("iptables-forward-real-node.txt"));
        assertThat(chain.policy()).isEqualTo("DROP");
        assertThat(chain.acceptRuleFor(Cidr.parse("10.1.0.0/16"))).hasValue("-A FORWARD -d 10.1.0.0/16 -j ACCEPT");
    }

    @Test
    void forwardChainWithDockerRulesOnlyDropsTheNetwork() {
        ForwardChain chain = ForwardChain.parse(Recorded.load("iptables-forward-docker-only.txt"));
        assertThat(chain.lets(Cidr.parse("10.1.0.0/16"))).isFalse();
        assertThat(ForwardChain.parse("-P FORWARD ACCEPT\n").lets(Cidr.parse("10.1.0.0/16"))).isTrue();
    }

    @Test
    void forwardChainAcceptsTheSeedsExplicitRulesButNotNegatedOnes() {
        var net = Cidr.parse("10.1.0.0/16");
        assertThat(ForwardChain.parse("-P FORWARD DROP\n-A FORWARD -s 10.1.0.0/16 -j ACCEPT\n").lets(net)).isTrue();
        assertThat(ForwardChain.parse("-P FORWARD DROP\n-A FORWARD ! -s 10.1.0.0/16 -j ACCEPT\n").lets(net)).isFalse();
        // FLANNEL-FWD rules count only when FORWARD jumps to the chain
        assertThat(ForwardChain.parse("-P FORWARD DROP\n-N FLANNEL-FWD\n-A FLANNEL-FWD -s 10.1.0.0/16 -j ACCEPT\n").lets(net)).isFalse();
    }

    @Test
    void pingSummariesOfIputilsAndBusybox() {
        ExecResult ok = new ExecResult(List.of("ping"), 0, Recorded.load("ping-iputils-ok.txt",
                Map.of("target", "10.1.77.1", "size", "56", "wire", "84", "reply", "64")), "");
        ExecResult lost = new ExecResult(List.of("ping"), 1, Recorded.load("ping-busybox-loss.txt", Map.of("target", "10.1.77.2")), "");
        ExecResult tooBig = new ExecResult(List.of("ping"), 1, "", Recorded.load("ping-iputils-frag.stderr"));
        assertThat(PingOutput.ok(ok)).isTrue();
        assertThat(PingOutput.describe(ok)).isEqualTo("2/2 answered");
        assertThat(PingOutput.ok(lost)).isFalse();
        assertThat(PingOutput.describe(lost)).isEqualTo("0/2 answered");
        assertThat(PingOutput.describe(tooBig)).isEqualTo("ping: local error: message too long, mtu=1450");
    }

    @Test
    void verifyPodLineFromDockerInspect() {
        assertThat(VerifyPod.parse("10.1.35.2 4242\n")).contains(new VerifyPod("10.1.35.2", 4242));
        assertThat(VerifyPod.parse(" 0\n")).isEmpty();
        String id = "3f1c2a9be0d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1";
        assertThat(VerifyPod.parse("10.1.35.2 4242 " + id + "\n")).contains(new VerifyPod("10.1.35.2", 4242, id));
        assertThat(VerifyPod.parse("10.1.35.2 4242 olab-verify-pod\n")).isEmpty();
        assertThat(VerifyPod.parse("10.1.35.2 4242 " + id + " kept 37\n"))
                .contains(new VerifyPod("10.1.35.2", 4242, id, java.util.OptionalInt.of(37)));
        assertThat(VerifyPod.parse("10.1.35.2 4242 " + id + " kept\n")).isEmpty();
        assertThat(VerifyPod.parse("10.1.35.2 4242 " + id + " gone 37\n")).isEmpty();
    }

    @Test
    void aStartedPodIsRemovedByIdInTheBackgroundAndNothingElseIsAccepted() {
    }
}

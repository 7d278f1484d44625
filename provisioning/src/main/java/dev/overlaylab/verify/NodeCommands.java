package dev.overlaylab.verify;

import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.node.NodeLayout;
import java.time.Duration;

/**
 * Every command the verifier and the observer run on nodes, in one place. Timeouts are tight on purpose:
 * a two-node verify must finish in about ten seconds, and a healthy answer takes milliseconds.
 */
public final class NodeCommands {
    /** The throwaway container on each node; one per node, shared by every pair check, kept for the next verify ({@link #startPod}). */
    public static final String POD = "olab-verify-pod";
    public static final int HTTP_PORT = 8080;
    public static final Duration QUICK = Duration.ofSeconds(5);
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(6);
    public static final Duration POD_TIMEOUT = Duration.ofSeconds(30);

    private NodeCommands() {
    }

    /**
     * {@code systemctl is-active} prints one line per unit, in the order given: etcd (on etcd nodes; the
     * profile may name its unit differently), flanneld, docker.
     */
    public static String services(Lab lab, boolean etcdNode) {
        String etcd = Profiles.find(lab.profile()).flatMap(Profile::etcdUnitName).orElse("etcd");
        return etcdNode ? "systemctl is-active " + etcd + " flanneld docker" : "systemctl is-active flanneld docker";
    }

    public static String subnetEnv() {
        return "cat " + SubnetEnv.PATH;
    }

    public static String docker0Address() {
        return "ip -o -4 addr show dev docker0";
    }

    public static String docker0Mtu() {
        return "cat /sys/class/net/docker0/mtu";
    }

    /** The MTU docker was told ({@code --mtu}), as it records it on its default network. */
    public static String dockerMtuOption() {
        return "docker network inspect bridge -f " + Commands.quote("{{index .Options \"com.docker.network.driver.mtu\"}}");
    }

    /** flanneld ≥ 0.15 keeps its ACCEPT rules in FLANNEL-FWD; print it too when it exists. */
    public static String forwardChain() {
        return "iptables -S FORWARD && { iptables -S FLANNEL-FWD 2>/dev/null || true; }";
    }

    public static String inputChain() {
        return "iptables -S INPUT";
    }

    /** etcd's own health through the node's host-only address (the one flanneld on other nodes uses). */
    public static String etcdHealth(Lab lab, Node node) {
        return Etcdctl.of(EtcdApi.V3, EtcdEndpoints.of(node.ip(), lab.etcd().clientPort())).health();
    }

    /** The part of {@link #startPod} that starts a new pod (test doubles recognise the command by it). */
    public static final String POD_RUN = "docker run -d --rm --pull=never --stop-timeout 1 --name " + POD;
    /** {@link #startPod} exits with this when docker lacks the pod image: make it ({@link PodImage}), then start again. */
    public static final int NO_POD_IMAGE = 90;
    /** {@link #startPod} exits with this, having run no docker command, when docker is not active. */
    public static final int DOCKER_NOT_ACTIVE = 91;
    /**
     * A running pod younger than this (seconds) is used again by the next verify instead of a new {@code docker run}
     * (0.5–1 s of every verify). It lives {@link #POD_LIFE_SECONDS} in all, so a kept pod outlives any verify that
     * takes it by at least the difference.
     */
    public static final int POD_KEEP_SECONDS = 240;
    public static final int POD_LIFE_SECONDS = 300;

    /**
     * The node's verify pod, printed as {@code IP PID ID}, or {@code IP PID ID kept AGE} when a pod an earlier verify
     * started is used again: running, from the same image, started less than {@link #POD_KEEP_SECONDS} ago (its
     * init's age by {@code ps}; without {@code ps} nothing is kept).
     *
     * <p>First from the note an earlier verify left ({@link NodeLayout#VERIFY_POD_NOTE}), asking the node and not
     * docker: the noted process still runs the pod's own command line for this node, is young enough, and its network
     * namespace holds the noted address on eth0 (so a process id used again, or a pod docker replaced, is not taken for
     * it). Else from {@code docker inspect}, which was the longest part of a verify's node read (~60 ms on a quiet
     * node), and the note is written again. Anything else is replaced: a new pod
     * ({@code docker rm -f} of a leftover, only when there is one, then {@code docker run}; a missing image is read from
     * run's own error, not asked first: each docker CLI call costs ~37 ms of a node's CPU, and a cold path made five). docker creates the {@code -w} folder, so the
     * image needs nothing but busybox's sh, httpd and sleep; httpd daemonizes and {@code sleep} bounds the pod's
     * life to {@link #POD_LIFE_SECONDS}. The pod's shell ends on SIGTERM (a trap; as PID 1 it would ignore the signal,
     * and {@code docker stop} — every docker restart and node poweroff — then waited 10 s for it: measured, down of a
     * 2-node lab 1.8 → 11.4 s before the trap), and {@code --stop-timeout 1} bounds the wait anyway.
     * {@code --pull=never}: lab nodes reach no registry, and a pull would only wait out DNS timeouts; a missing image
     * exits {@link #NO_POD_IMAGE} instead. A docker restart (every change of its
     * drop-in: subnet, MTU) ends the pod, so a kept pod always sits on the docker0 of now.
     * It starts nothing when docker is not active ({@link #DOCKER_NOT_ACTIVE}): any docker CLI call wakes
     * docker.socket, and docker's drop-in (Requires=flanneld) would start flanneld with it, so a verify would repair
     * the very fault it should report.
     */
    public static String startPod(String image, String nodeName) {
        return startPod(image, nodeName, NodeLayout.VERIFY_POD_NOTE);
    }

    /** {@link #startPod(String, String)} with its note at {@code record} (tests keep it in their own folder). */
    static String startPod(String image, String nodeName, String record) {
        String own = "echo olab-verify " + nodeName + " > index.html;";
        String script = own + " httpd -p " + HTTP_PORT + " -h /www; trap 'exit 0' TERM INT; sleep " + POD_LIFE_SECONDS + " & wait";
        String img = Commands.quote(image);
        String young = "a=$(ps -o etimes= -p \"$pid\" 2>/dev/null | tr -d ' ') && [ -n \"$a\" ] && [ \"$a\" -lt " + POD_KEEP_SECONDS + " ] 2>/dev/null";
        return "systemctl is-active -q docker || { echo 'docker is not active: no verify pod started' >&2; exit "
                + DOCKER_NOT_ACTIVE + "; }\n"
                + "f=" + Commands.quote(record) + "\n"
                + "if read -r ip pid id img 2>/dev/null <\"$f\" && [ \"$img\" = " + img + " ] && [ -n \"$pid\" ] && grep -qaF "
                + Commands.quote(own) + " \"/proc/$pid/cmdline\" 2>/dev/null && " + young
                + " && [ \"$(nsenter -t \"$pid\" -n ip -4 -o addr show dev eth0 2>/dev/null | awk '{ sub(\"/.*\", \"\", $4); print $4; exit }')\" = \"$ip\" ]; then\n"
                + "  echo \"$ip $pid $id kept $a\"; exit 0\n"
                + "fi\n"
                + "rm -f \"$f\"\n"
                + "if k=$(docker inspect -f " + Commands.quote("{{.State.Running}} {{.Config.Image}} {{.NetworkSettings.IPAddress}} "
                + "{{.State.Pid}} {{.Id}}") + " " + POD + " 2>/dev/null) && set -- $k && [ \"$1\" = true ] && [ \"$2\" = " + img
                + " ] && pid=$4 && " + young + "; then\n"
                + "  echo \"$3 $4 $5 \"" + img + " >\"$f\"; echo \"$3 $4 $5 kept $a\"\n"
                + "else\n"
                + "  [ -z \"$k\" ] || docker rm -f " + POD + " >/dev/null 2>&1\n"
                + "  e=$(" + POD_RUN + " -w /www " + img + " sh -c " + Commands.quote(script) + " 2>&1 >/dev/null) || { rc=$?; case \"$e\" in "
                + "*'No such image'*) echo 'no pod image " + image.replace("'", "") + "' >&2; exit " + NO_POD_IMAGE + " ;; esac; "
                + "echo \"$e\" >&2; exit $rc; }\n"
                + "  o=$(docker inspect -f " + Commands.quote("{{.NetworkSettings.IPAddress}} {{.State.Pid}} {{.Id}}") + " " + POD
                + ") || exit $?\n"
                + "  echo \"$o \"" + img + " >\"$f\"; echo \"$o\"\n"
                + "fi";
    }

    public static String stopPod() {
        return "rm -f " + NodeLayout.VERIFY_POD_NOTE + "; docker rm -f " + POD;
    }

    /**
     * iputils ping on the node: two echoes 0.02 s apart, at most 2 s in all. The interval only spaces the
     * echoes (each still waits up to 1 s for its reply); it is most of a healthy ping check's time, and the
     * pings are the longest cells of a source node's pair exec (at 0.2 s and then 0.05 s, measured: a 2-node
     * pair exec took ~0.1 s at 0.05). Below 0.2 s needs root, which every command on a node runs as.
     */
    public static final String PING_INTERVAL = "0.02";

    public static String ping(String target) {
        return "ping -c 2 -i " + PING_INTERVAL + " -W 1 -w 2 " + target;
    }

    /**
     * The pod pings the peer pod: the node's iputils ping in the pod's network namespace (same
     * interface, route and NAT as the pod). Not busybox ping in the pod: its ICMP id is its PID, the
     * same small number in every fresh pod, so right after a backend switch it met the previous
     * verify's conntrack entry (docker's MASQUERADE to the old backend's address, 30 s) and its
     * replies were lost (measured after host-gw → udp, both directions); iputils' id differs per run.
     * {@code -W 1}: a lost reply is reported as loss within the 2 s deadline, not as a timeout.
     */
    public static String podPing(long podPid, String target) {
        return "nsenter -t " + podPid + " -n ping -c 2 -i " + PING_INTERVAL + " -W 1 -w 2 " + target;
    }

    /** How long the pod's HTTP request may take; past it {@code timeout} ends it with exit code 124. */
    public static final int HTTP_TIMEOUT_SECONDS = 3;

    /**
     * The pod fetches the peer pod's page: the node's curl in the pod's network namespace (the
     * request leaves from the pod's address, through its veth, docker0 and the overlay, as the pod's
     * own would). Not {@code docker exec … wget}: a docker exec costs a runc start per pair, which
     * dominated a 6-node matrix on two cores, and Debian 12's busybox-static 1.35 wget segfaults
     * whenever {@code -T} is given. Bounded by the node's {@code timeout}.
     */
    public static String podHttp(long podPid, String target) {
        return "timeout " + HTTP_TIMEOUT_SECONDS + " nsenter -t " + podPid + " -n curl -fsS http://" + target + ":" + HTTP_PORT
                + "/index.html";
    }

    /** The text the peer pod's httpd serves. */
    public static String httpBody(String nodeName) {
        return "olab-verify " + nodeName;
    }

    /**
     * A do-not-fragment ping of exactly {@code mtu} bytes on the wire, from inside the pod's network
     * namespace. busybox ping has no {@code -M do}, so the node's iputils ping runs in the pod's namespace
     * through {@code nsenter}: same interface, same MTU, same route as the pod itself.
     */
    public static String mtuProbe(long podPid, int mtu, String target) {
        return "nsenter -t " + podPid + " -n ping -M do -s " + (mtu - 28) + " -c 2 -i " + PING_INTERVAL + " -W 1 -w 2 " + target;
    }
}

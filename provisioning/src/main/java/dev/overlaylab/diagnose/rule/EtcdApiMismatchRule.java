package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.verify.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #6: the network config sits behind the etcd API this flannel does not read (v2 for flannel ≥ 0.18, v3 for
 * ≤ 0.17), or etcd 3.4 runs without {@code --enable-v2} under an old flannel. Seen by reading
 * {@code <prefix>/config} through both APIs on the master.
 */
public final class EtcdApiMismatchRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        Optional<Probe> v3 = ctx.obs().configV3();
        Optional<Probe> v2 = ctx.obs().configV2();
        if (v3.isEmpty() || v2.isEmpty()) {
            return Optional.empty();
        }
        String key = ctx.lab().etcd().configKey();
        boolean v3Reachable = v3.get().ok();
        boolean v3Has = v3Reachable && v3.get().stdout().contains("{");
        String v2Out = v2.get().stdout() + v2.get().result().stderr();
        boolean v2Has = v2.get().ok() && v2.get().stdout().strip().startsWith("{");
        boolean v2Disabled = v2Out.contains("response is invalid json") || v2Out.contains("404 page not found");
        String version = ctx.lab().flannel().version();
        // commands for people to run on the master, built like every other etcdctl line
        EtcdEndpoints onMaster = EtcdEndpoints.of("127.0.0.1", ctx.lab().etcd().clientPort());
        Etcdctl v2ctl = Etcdctl.of(EtcdApi.V2, onMaster);
        Etcdctl v3ctl = Etcdctl.of(EtcdApi.V3, onMaster);
        List<String> evidence = new ArrayList<>();
        String cause;
        String fix;
        if (ctx.lab().flannel().usesEtcdV2()) {
            if (v2Has || !(v3Has || v2Disabled)) {
                return Optional.empty();
            }
            evidence.add("flannel " + version + " reads " + key + " through etcd's v2 keys API");
            if (v2Disabled) {
                evidence.add("etcd's v2 API is switched off: " + firstLine(v2Out));
                cause = "etcd's v2 API is off, and flannel " + version + " reads its config only through v2";
                fix = "start etcd with --enable-v2=true (ETCD_ENABLE_V2=true in /etc/default/etcd), write the config with "
                        + v2ctl.putByHand(key, "'<config>'") + ", restart flanneld";
            } else {
                evidence.add("v2 get " + key + ": " + firstLine(v2Out));
                evidence.add("v3 get " + key + ": " + firstLine(valueOf(v3.get())));
                cause = "the flannel config was written through etcd's v3 API; flannel " + version + " reads v2";
                fix = "write it through v2: " + v2ctl.putByHand(key, "'<config>'") + " (lab file: etcd.api: v2), restart flanneld";
            }
        } else {
            if (!v3Reachable || v3Has || !v2Has) {
                return Optional.empty();
            }
            evidence.add("flannel " + version + " reads " + key + " through etcd's v3 API");
            evidence.add("v3 get " + key + ": (no such key)");
            evidence.add("v2 get " + key + ": " + firstLine(v2.get().stdout()));
            cause = "the flannel config was written through etcd's v2 API; flannel " + version + " reads v3";
            fix = "write it through v3: " + v3ctl.putByHand(key, Commands.quote(v2.get().stdout().strip()))
                    + " (lab file: etcd.api: v3 or auto), restart flanneld";
        }
        return Optional.of(Finding.mode(6, cause, evidence, fix));
    }

    private static String valueOf(Probe p) {
        String[] lines = p.stdout().strip().split("\n");
        return lines.length >= 2 ? lines[1] : "(no such key)";
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("(empty)");
    }
}

package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.CheckResult;
import java.util.List;

/**
 * One Kubernetes row of the matrix, judged per node from facts already read (runs no command). A row about
 * pairs returns one result per peer.
 */
public interface KubeCheck {

    String id();

    List<CheckResult> check(KubeContext ctx);
}

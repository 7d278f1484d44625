package dev.overlaylab.diagnose;

import java.util.Optional;

/**
 * One known cause. A rule fires only on evidence that singles its cause out: a lab with one fault must get
 * exactly that one finding, and a healthy lab none.
 */
public interface Rule {

    Optional<Finding> apply(DiagnosisContext ctx);
}

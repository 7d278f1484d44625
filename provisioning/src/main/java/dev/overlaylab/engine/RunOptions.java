package dev.overlaylab.engine;

/**
 * How to run a pipeline.
 *
 * @param dryRun      report what each step would do, connecting to nothing
 * @param force       replace a different flannel network config already in etcd
 * @param parallelism at most this many nodes worked on at once within a stage
 */
public record RunOptions(boolean dryRun, boolean force, int parallelism) {

    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(false, false, 8);
    }

    public RunOptions withDryRun(boolean d) {
        return new RunOptions(d, force, parallelism);
    }

    public RunOptions withForce(boolean f) {
        return new RunOptions(dryRun, f, parallelism);
    }
}

package dev.overlaylab.etcd;

/**
 * etcd already holds a different flannel network config than the lab wants. Overwriting it would
 * renumber every running flanneld, so the person decides: {@code --force}, or change the lab file.
 */
public class ConfigConflictException extends RuntimeException {
    private final String key;
    private final String existing;
    private final String wanted;

    public ConfigConflictException(String endpoint, String key, String existing, String wanted) {
        super("etcd at " + endpoint + " already holds a different flannel config at " + key + "\n"
                + "  in etcd:  " + existing.strip() + "\n"
                + "  this lab: " + wanted.strip() + "\n"
                + "  fix: if this etcd belongs to this lab, run again with --force to overwrite it"
                + " (running flanneld daemons then need a restart); otherwise make the lab's flannel settings match");
        this.key = key;
        this.existing = existing;
        this.wanted = wanted;
    }

    public String key() {
        return key;
    }

    public String existing() {
        return existing;
    }

    public String wanted() {
        return wanted;
    }
}

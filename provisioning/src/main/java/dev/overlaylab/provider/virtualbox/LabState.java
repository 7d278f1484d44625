package dev.overlaylab.provider.virtualbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What this lab made in VirtualBox, so {@code down} removes exactly that: the host-only interface or
 * network it created (never one that was there before) and its VMs. One small properties file per
 * lab, written atomically.
 */
public final class LabState {
    private static final String CREATED_IFS = "hostonly.created.interfaces";
    private static final String CREATED_NETS = "hostonly.created.networks";

    private final Path file;
    private final Properties props;

    private LabState(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    public static LabState load(Path stateDir, String lab) {
        Path file = stateDir.resolve(lab).resolve("virtualbox.properties");
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the lab state " + file, e);
            }
        }
        return new LabState(file, p);
    }

    public Path file() {
        return file;
    }

    public synchronized List<String> createdInterfaces() {
        return list(CREATED_IFS);
    }

    public synchronized List<String> createdNetworks() {
        return list(CREATED_NETS);
    }

    public synchronized void recordCreatedInterface(String name) {
        add(CREATED_IFS, name);
    }

    public synchronized void recordCreatedNetwork(String name) {
        add(CREATED_NETS, name);
    }

    public synchronized void forgetInterface(String name) {
        remove(CREATED_IFS, name);
    }

    public synchronized void forgetNetwork(String name) {
        remove(CREATED_NETS, name);
    }

    public synchronized void recordVm(String node, String vmName) {
        props.setProperty("vm." + node, vmName);
    }

    public synchronized Optional<String> vm(String node) {
        return Optional.ofNullable(props.getProperty("vm." + node));
    }

    public synchronized void forgetVm(String node) {
        props.remove("vm." + node);
    }

    public synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                props.store(w, "Overlay Lab: what the virtualbox provider created for this lab (used by 'olab down')");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lab state " + file, e);
        }
    }

    /** Removes the file once nothing is recorded any more. */
    public synchronized void deleteIfEmpty() {
        if (props.isEmpty() || props.stringPropertyNames().stream().allMatch(k -> props.getProperty(k).isBlank())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the lab state " + file, e);
            }
        } else {
            save();
        }
    }

    private List<String> list(String key) {
        String v = props.getProperty(key, "").strip();
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    private void add(String key, String name) {
        List<String> l = new ArrayList<>(list(key));
        if (!l.contains(name)) {
            l.add(name);
        }
        props.setProperty(key, String.join(",", l));
    }

    private void remove(String key, String name) {
        List<String> l = new ArrayList<>(Arrays.asList(props.getProperty(key, "").split(",")));
        l.removeIf(s -> s.isBlank() || s.equals(name));
        if (l.isEmpty()) {
            props.remove(key);
        } else {
            props.setProperty(key, String.join(",", l));
        }
    }
}

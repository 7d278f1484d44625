package dev.overlaylab.provider.virtualbox.image;

import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.BoxSource;
import dev.overlaylab.provider.virtualbox.GuestLogin;
import dev.overlaylab.provider.virtualbox.VBoxDriver;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import dev.overlaylab.provider.virtualbox.VirtualBoxSettings;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.ssh.AppDataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine action behind {@code olab image add|list|remove} and the wizard's download button:
 * get a VirtualBox base image (a Vagrant box or an OVA, by profile name, URL or file), check it,
 * keep it in the app's cache and import it as the base VM that {@link BoxSource} finds for the
 * profile's box, so {@code up} clones it. Progress goes to the {@link ProgressListener} as engine
 * events of stage {@link #STAGE}.
 */
public final class BaseImages {
    public static final String STAGE = "image";
    /** The snapshot taken right after import; clones are linked to it. */
    public static final String SNAPSHOT = "olab-base";

    private final ImageCache cache;
    private final Supplier<VBoxDriver> driver;
    private final ExecRunner runner;
    private final HttpDownload http;
    private final Function<String, String> vmName;
    private final Supplier<List<Profile>> profiles;
    private final Path vagrantHome;

    /**
     * @param vmName the base VM's name for a box name; {@link BoxSource#baseVmName} outside tests
     *               (tests use their own prefix so they never touch a real base VM)
     * @param vagrantHome Vagrant's folder: a box Vagrant already downloaded is not missing
     */
    public BaseImages(Path cacheRoot, Supplier<VBoxDriver> driver, ExecRunner runner, HttpDownload http,
                      Function<String, String> vmName, Supplier<List<Profile>> profiles, Path vagrantHome) {
        this.cache = new ImageCache(cacheRoot);
        this.driver = driver;
        this.runner = runner;
        this.http = http;
        this.vmName = vmName;
        this.profiles = profiles;
        this.vagrantHome = vagrantHome;
    }

    /** The real one: cache in the app data folder ({@code images/}), this machine's VirtualBox, the built-in and user profiles. */
    public static BaseImages forThisMachine() {
        VirtualBoxProvider vbox = VirtualBoxProvider.forThisMachine(Profiles::get, GuestLogin.NOT_WIRED);
        return new BaseImages(AppDataDir.resolve().resolve("images"), vbox::driver, new ProcessRunner(),
                HttpDownload.standard(), BoxSource::baseVmName,
                () -> Profiles.names().stream().map(Profiles::find).flatMap(Optional::stream).toList(),
                VirtualBoxSettings.defaults().vagrantHome());
    }

    public Path cacheRoot() {
        return cache.root();
    }

    /** NAME|URL|FILE resolved against the profiles; see {@link ImageRequest#resolve}. */
    public ImageRequest request(String arg, Optional<String> name, Optional<String> sha256) {
        return ImageRequest.resolve(arg, name, sha256, profiles.get());
    }

    /** The base VM this box name is imported as. */
    public String vmOf(String box) {
        return vmName.apply(box);
    }

    /** True when the box's base VM is registered (what {@code up} clones). */
    public boolean present(String box) {
        return registered(driver.get()).contains(vmOf(box));
    }

    /**
     * True when {@code up} would stop for want of this box: no base VM of it, no registered VM of
     * that name, no Vagrant download of it (the same lookup as {@code up}'s, without a lab folder).
     */
    public boolean missing(String box) {
        List<String> vms = registered(driver.get());
        if (vms.contains(vmOf(box))) {
            return false;
        }
        return BoxSource.resolve(box, Optional.empty(), vagrantHome, cache.root(), vms, vm -> Optional.empty()) instanceof BoxSource.Missing;
    }

    /**
     * Downloads (or takes the file), checks, and imports the image; does nothing when its base VM is
     * already registered. Throws {@link ImageException} with the cause and fix; after a failure no
     * VM of it is registered and no file of it sits under its final cache name.
     */
    public CachedImage add(ImageRequest r, ProgressListener progress) throws InterruptedException {
        VBoxDriver d = driver.get(); // before a long download: VirtualBox must be usable here
        String vm = vmOf(r.name());
        if (registered(d).contains(vm)) {
            progress.on(ProgressEvent.of(STAGE, "", "import", Status.UNCHANGED, r.name() + " is already VM " + vm + "; nothing to do"));
            return cache.find(r.name()).orElse(new CachedImage(r.name(), vm, r.source(), "", Optional.empty()));
        }
        Path file;
        String digest;
        Optional<Path> kept;
        if (r.url().isPresent()) {
            file = cache.downloadOf(r);
            if (Files.isRegularFile(file)) {
                digest = checked(file, r, progress);
                progress.on(ProgressEvent.of(STAGE, "", DownloadProgress.STEP, Status.UNCHANGED, "already downloaded: " + file));
            } else {
                digest = http.fetch(r.url().get(), file, r.sha256(), STAGE, progress);
            }
            kept = Optional.of(file);
        } else {
            file = r.file().orElseThrow();
            digest = checked(file, r, progress);
            kept = Optional.empty();
        }
        new ImageImporter(d, runner).importAs(file, r.isOva(), vm, SNAPSHOT, cache.dirOf(r.name()), STAGE, progress);
        CachedImage done = new CachedImage(r.name(), vm, r.source(), digest, kept);
        cache.record(done);
        return done;
    }

    /** Images added so far, each with whether its base VM is still registered. */
    public List<Listed> list() {
        List<String> vms = registered(driver.get());
        return cache.all().stream().map(i -> new Listed(i, vms.contains(i.vm()))).toList();
    }

    /** One row of {@link #list()}. */
    public record Listed(CachedImage image, boolean registered) {
    }

    /**
     * Unregisters and deletes the base VM and deletes the cached files. VirtualBox refuses while
     * labs still have linked clones of it: their {@code olab down} comes first.
     */
    public void remove(String name, ProgressListener progress) {
        VBoxDriver d = driver.get();
        String vm = vmOf(name);
        boolean hadVm = registered(d).contains(vm);
        if (hadVm) {
            d.change(d.unregisterArgs(vm));
            progress.on(ProgressEvent.of(STAGE, "", "remove", Status.CHANGED, "VM " + vm + " unregistered and deleted"));
        }
        boolean hadFiles = cache.delete(name);
        if (hadFiles) {
            progress.on(ProgressEvent.of(STAGE, "", "remove", Status.CHANGED, "deleted " + cache.dirOf(name)));
        }
        if (!hadVm && !hadFiles) {
            throw new ImageException("there is no image named '" + name + "' (no VM " + vm + ", nothing in " + cache.root() + ")"
                    + "\n  fix: 'olab image list' shows the images there are");
        }
    }

    /** A given file or a cached download is checked against the expected digest when there is one. */
    private String checked(Path file, ImageRequest r, ProgressListener progress) {
        String digest = HttpDownload.sha256(file);
        if (r.sha256().isPresent() && !r.sha256().get().equals(digest)) {
            throw new ImageException(file + " does not have the expected SHA-256\n  expected: " + r.sha256().get()
                    + "\n  got:      " + digest + "\n  nothing was imported."
                    + "\n  fix: compare the expected checksum with the publisher's; if it is right, the file is another or a"
                    + " damaged one: get it again" + (r.url().isPresent() ? " ('olab image remove " + r.name() + "' deletes the cached copy)" : ""));
        }
        progress.on(ProgressEvent.of(STAGE, "", "checksum", r.sha256().isPresent() ? Status.UNCHANGED : Status.SKIPPED,
                r.sha256().isPresent() ? "SHA-256 matches" : "SHA-256 " + digest + " (no checksum was given to compare with)"));
        return digest;
    }

    private static List<String> registered(VBoxDriver d) {
        return d.listVms().stream().map(VBoxLists.VmRef::name).toList();
    }
}

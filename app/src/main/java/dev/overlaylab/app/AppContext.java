package dev.overlaylab.app;

import dev.overlaylab.app.engine.LabService;

/** What every screen and action needs: the engine, the preferences, and the main window. */
public final class AppContext {
    private final LabService service;
    private final dev.overlaylab.app.engine.HostKeyNotices hostKeys;
    private final AppPrefs prefs;
    private MainFrame frame;

    public AppContext(LabService service, AppPrefs prefs, dev.overlaylab.app.engine.HostKeyNotices hostKeys) {
        this.service = service;
        this.hostKeys = hostKeys;
        this.prefs = prefs;
    }

    public LabService service() {
        return service;
    }

    public dev.overlaylab.app.engine.HostKeyNotices hostKeys() {
        return hostKeys;
    }

    /** The app as it runs: the real engine, the person's preferences. */
    public static AppContext real(AppPrefs prefs) {
        dev.overlaylab.app.engine.HostKeyNotices keys = new dev.overlaylab.app.engine.HostKeyNotices();
        return new AppContext(new dev.overlaylab.app.engine.EngineLabService(keys,
                new dev.overlaylab.app.ui.SwingPasswordPrompt()), prefs, keys);
    }

    public AppPrefs prefs() {
        return prefs;
    }

    public MainFrame frame() {
        return frame;
    }

    void attach(MainFrame f) {
        this.frame = f;
    }
}

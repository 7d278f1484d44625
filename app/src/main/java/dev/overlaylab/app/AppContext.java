package dev.overlaylab.app;

import dev.overlaylab.app.engine.LabService;

/** What every screen and action needs: the engine, the preferences, and the main window. */
public final class AppContext {
    private final LabService service;
    private final AppPrefs prefs;
    private MainFrame frame;

    public AppContext(LabService service, AppPrefs prefs) {
        this.service = service;
        this.prefs = prefs;
    }

    public LabService service() {
        return service;
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

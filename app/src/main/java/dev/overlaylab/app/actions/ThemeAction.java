package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs.Theme;
import dev.overlaylab.app.ui.Themes;
import java.awt.event.ActionEvent;
import java.util.Locale;

/** View ▸ Theme ▸ System / Light / Dark: switches now and remembers the choice. */
public final class ThemeAction extends AppAction {
    private final AppContext ctx;
    private final Theme theme;

    public ThemeAction(AppContext ctx, Theme theme) {
        super("theme." + theme.name().toLowerCase(Locale.ROOT), null, null);
        this.ctx = ctx;
        this.theme = theme;
        putValue(SELECTED_KEY, ctx.prefs().theme() == theme);
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ctx.prefs().setTheme(theme);
        Themes.switchTo(theme);
    }
}

package dev.overlaylab.app.engine;

/** The engine capabilities the app uses; each may be missing from a given build. */
public enum Feature {
    VALIDATE, RENDER, UP, VERIFY, DIFF, PUSH
}

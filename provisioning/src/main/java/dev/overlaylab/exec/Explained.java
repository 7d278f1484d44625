package dev.overlaylab.exec;

/**
 * An error that knows what went wrong and what fixes it. The engine and the command line show these
 * two as they are, instead of a generic "fix the cause shown": a person reads the cause in one line
 * and the fix that belongs to it.
 */
public interface Explained {
    /** What happened, one line, e.g. "the VirtualBox kernel drivers are not loaded (/dev/vboxdrv does not exist)". */
    String cause();

    /** What to do about it, as commands or steps a person can follow. */
    String fix();
}

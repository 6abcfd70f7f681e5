package dev.oversell.design;

/**
 * What a design claims about overselling in one {@link Deployment}. A claim is checked both ways:
 * {@link #NEVER_OVERSELLS} must hold in every check, and {@link #MAY_OVERSELL} must be <em>demonstrated</em>
 * (a check that never catches it lacked power, and fails the build).
 */
public enum Claim {
    NEVER_OVERSELLS,
    MAY_OVERSELL,
    /** The deployment means nothing for this design (an in-memory design has no shared store). */
    NOT_APPLICABLE
}

/**
 * jcstress tests of the actor runtime's own guarantees ({@code dev.oversell.actor}): one handler of an actor
 * at a time, no lost wake-up, state written by one turn visible to the next on another pool thread, and a stop
 * racing sends that loses no message and lets no handler run after the actor terminated.
 * Every outcome that breaks a guarantee is {@code FORBIDDEN}; the gate fails the build on any of them.
 */
package dev.oversell.stress.runtime;

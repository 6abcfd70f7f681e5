/**
 * A small actor runtime: enough to run an inventory as a single writer, and small enough to read in one
 * sitting.
 *
 * <ul>
 *   <li>{@link dev.oversell.actor.ActorSystem} owns one shared pool; actors are multiplexed on it, not a
 *       thread each. {@link dev.oversell.actor.ActorSystem#spawn spawn} creates an actor from a
 *       {@link dev.oversell.actor.Behavior} factory and a {@link dev.oversell.actor.SupervisionPolicy}.</li>
 *   <li>{@link dev.oversell.actor.ActorRef#tell tell} enqueues into an unbounded mailbox;
 *       {@link dev.oversell.actor.ActorRef#ask ask} also hands the message a one-shot
 *       {@link dev.oversell.actor.Reply} and returns a future that fails after a mandatory timeout.</li>
 *   <li>One message at a time per actor; everything a handler wrote is visible to the next handler of the
 *       same actor, whichever pool thread runs it (the mailbox's scheduling flag is a volatile hand-off).</li>
 *   <li>A handler that throws fails the reply of the message it was handling, then the policy applies:
 *       resume, restart from the factory, or stop.</li>
 *   <li>{@link dev.oversell.actor.ActorRef#stop stop} either drains the mailbox or fails every pending
 *       reply; either way no caller waits forever, and a send to a stopped actor fails at once with
 *       {@link dev.oversell.actor.ActorStoppedException}.</li>
 * </ul>
 *
 * <p><b>An ask timeout does not cancel the work.</b> The message stays in the mailbox and will be handled;
 * only the caller stops waiting. Design messages so that a retry is safe (Oversell's purchases carry ids).
 * Handlers must not block on asks to other actors of the same system: forward the {@code Reply} instead.
 */
package dev.oversell.actor;

package dev.oversell.actor;

/**
 * A message that carries the {@link Reply} its sender waits on. The runtime uses it to fail the reply when
 * the handler throws or the actor stops, so that no sender waits for an answer that will never come.
 */
public interface AwaitsReply {

    Reply<?> replyTo();
}

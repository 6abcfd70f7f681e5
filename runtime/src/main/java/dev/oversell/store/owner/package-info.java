/**
 * The single owner over a shared store: the purchase an owner runs ({@link dev.oversell.store.owner.OwnedReadModifyWrite},
 * fenced or not) and the declaration of a design built on it ({@link dev.oversell.store.owner.SingleOwner}), which
 * the deployment suite checks and the cluster's entity runs.
 */
package dev.oversell.store.owner;

/**
 * What a converge derived from each immutable databag value, kept for the next one ({@link
 * org.vrouter.router.memo.IdentityMemo}): the bags keep the same payload objects for the entries a merge
 * did not touch, so a long-lived router maps and renders only what changed.
 */
package org.vrouter.router.memo;

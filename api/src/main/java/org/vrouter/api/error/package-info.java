/**
 * vrouter's exception hierarchy: one unchecked root, {@link org.vrouter.api.error.VrouterException},
 * with a category, and a subtype per kind of failure (invalid parameter, unavailable resource or
 * agent, insufficient capacity, concurrent operation, invalid state, timeout, failed command).
 */
package org.vrouter.api.error;

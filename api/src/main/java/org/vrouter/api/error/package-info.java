/** vrouter's exception hierarchy: one unchecked root with a category. */
package org.vrouter.api.error;

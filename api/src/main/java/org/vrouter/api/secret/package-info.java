/** Values that must never be printed: passwords, keys, user data. */
package org.vrouter.api.secret;

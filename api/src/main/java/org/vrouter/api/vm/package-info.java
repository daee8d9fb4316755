/** Virtual machines as the management side sees them: VMs, profiles, NICs, boot arguments, templates and power states. */
package org.vrouter.api.vm;

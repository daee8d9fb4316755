/** Networks as the management side sees them: traffic and guest types, networks, offerings and the Service/Provider/Capability registries. */
package org.vrouter.api.network;

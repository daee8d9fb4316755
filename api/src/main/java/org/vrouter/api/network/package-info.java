/**
 * Networks as the management side sees them: traffic and guest types, networks, VPCs, network and
 * service offerings, and the open Service/Provider/Capability registries.
 */
package org.vrouter.api.network;

/** VPNs: remote-access (L2TP/IPsec) servers and their users, and site-to-site IPsec connections. */
package org.vrouter.api.vpn;

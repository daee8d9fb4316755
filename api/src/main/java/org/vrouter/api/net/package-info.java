/** Network value types: IP addresses, CIDRs, netmasks, MAC addresses, port ranges, broadcast URIs. */
package org.vrouter.api.net;

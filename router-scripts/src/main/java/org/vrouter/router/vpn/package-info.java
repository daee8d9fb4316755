/** VPN on the router: site-to-site IPsec and L2TP/IPsec remote access through strongSwan (swanctl), xl2tpd and pppd. */
package org.vrouter.router.vpn;

/**
 * An in-process XenAPI server that speaks the wire of the xen-api 8.1.0 SDK (XML-RPC, opaque
 * references, int64 as strings, error arrays) strictly enough to stand in for a XenServer host.
 */
package org.vrouter.hypervisor.xen.xapi;

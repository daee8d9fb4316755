/**
 * The network-element SPI: {@link org.vrouter.api.element.NetworkElement} and one interface per
 * service a provider can offer, with CloudStack's semantics except that operations complete or
 * throw instead of returning false.
 */
package org.vrouter.api.element;

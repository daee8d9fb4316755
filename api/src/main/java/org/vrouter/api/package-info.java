/**
 * vrouter's SPI: the domain model, the network-element and router-management interfaces, and the command/answer base types that plugin authors compile against. Depends on the JDK and slf4j-api only.
 */
package org.vrouter.api;

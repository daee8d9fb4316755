/**
 * The XenAPI session of one XenServer host: login, re-login after a lost session, every call named
 * and its errors translated ({@link org.vrouter.hypervisor.xen.session.XenSession}), and bounded
 * waits for asynchronous tasks ({@link org.vrouter.hypervisor.xen.session.XenTasks}).
 */
package org.vrouter.hypervisor.xen.session;

/**
 * Service monitoring and health-check settings: the {@code monitorservice} bag rendered to the files
 * CloudStack's router keeps ({@code /etc/monitor.conf}, {@code /root/health_checks_data.json},
 * {@code /etc/cron.d/process}) for its check scripts.
 */
package org.vrouter.router.monitor;

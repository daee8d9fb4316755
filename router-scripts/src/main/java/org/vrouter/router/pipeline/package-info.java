/**
 * The router's entry points as CloudStack calls them: {@link org.vrouter.router.pipeline.UpdateConfig}
 * ({@code update_config.py <file> [false]}) and {@link org.vrouter.router.pipeline.VrCfg}
 * ({@code vr_cfg.sh -c <batch>}): lock, parse and validate, merge into the databags, converge, archive.
 */
package org.vrouter.router.pipeline;

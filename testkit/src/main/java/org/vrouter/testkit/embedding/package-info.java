/**
 * vrouter's management side wired as an embedding controller wires it, over the simulator: one
 * bootstrap ({@link org.vrouter.testkit.embedding.SimulatedVrouter}) for end-to-end tests and the demo.
 */
package org.vrouter.testkit.embedding;

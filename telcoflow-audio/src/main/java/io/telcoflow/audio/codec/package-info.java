/**
 * G.711 μ-law and A-law, bit-exact with the ITU-T G.191 reference implementation
 * ({@link io.telcoflow.audio.codec.G711}).
 */
@NullMarked
package io.telcoflow.audio.codec;

import org.jspecify.annotations.NullMarked;

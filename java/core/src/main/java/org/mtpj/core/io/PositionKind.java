package org.mtpj.core.io;

/** What the positions of a {@link Frame} are, which decides the unwrapping rule (analysis-spec §1.3). */
public enum PositionKind {
    /** Already unwrapped (dump columns xu/xsu): used as they are. */
    UNWRAPPED,
    /** Wrapped into the box, with image flags ix iy iz: r + ix·a + iy·b + iz·c. */
    WRAPPED_WITH_IMAGES,
    /** Wrapped (or as written) without image flags: minimum image between consecutive frames. */
    WRAPPED
}

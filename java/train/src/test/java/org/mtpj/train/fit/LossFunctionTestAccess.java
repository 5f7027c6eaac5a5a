package org.mtpj.train.fit;

import java.util.List;
import org.mtpj.core.model.Configuration;

/** Lets tests in other packages use the synthetic configurations of {@link LossFunctionTest}. */
public final class LossFunctionTestAccess {
    private LossFunctionTestAccess() {}

    public static List<Configuration> configurations(long seed, int count) {
        return LossFunctionTest.randomConfigurations(seed, count);
    }
}

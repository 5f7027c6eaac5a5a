package org.mtpj.analysis.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage B of the study: names starting with "CONTCAR" sorted as plain strings (CONTCAR1,
 * CONTCAR10, CONTCAR100, ... — the frame order is scrambled), then every k-th list position
 * (i mod k = 0). Not physical.
 */
public final class StudyFileOrder {
    private StudyFileOrder() {}

    public static List<String> select(List<String> names, int every) {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1");
        List<String> c = new ArrayList<>();
        for (String n : names) if (n.startsWith("CONTCAR")) c.add(n);
        c.sort(null); // String order = code-unit order, as Python sorts ASCII names
        List<String> r = new ArrayList<>();
        for (int i = 0; i < c.size(); i += every) r.add(c.get(i));
        return r;
    }
}

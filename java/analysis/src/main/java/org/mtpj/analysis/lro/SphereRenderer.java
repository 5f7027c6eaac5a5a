package org.mtpj.analysis.lro;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.mtpj.host.AtomicOutput;

/**
 * Draws the order on the sphere as a person would look at it. Left: a shaded 3-D view of the unit
 * sphere seen from the [111] side (as the study's plotly pictures). Right: a Lambert equal-area map
 * of the upper hemisphere ([001] at the centre, the equator on the rim); since O(−n) = O(n) that
 * hemisphere holds every value. Each pixel is coloured by P(n) = 1 − O(n) evaluated exactly for its
 * direction, blue (low) → yellow → red (high = more ordered), with the spec's colour bar (range
 * [min P, max P] over the sampled sphere, five ticks) and the most/least ordered sampled
 * directions marked. PNG, and SVG with vector text and colour bar (shading embedded as an image).
 */
public final class SphereRenderer {
    /** What to draw. {@code p} maps a unit direction {x, y, z} to the plotted value. */
    public record Scene(String title, String subtitle, ToDoubleFunction<double[]> p, double pMin, double pMax,
                        double[] ticks, String[] axisLabels, double[] mostOrdered, double[] leastOrdered) {}

    static final int W = 1130, H = 600, R = 205;
    static final int[] CX = {265, 745};
    static final int CY = 330;
    /** Viewed from the [111] side, as the study's (plotly) sphere plots: a, b and c all in front. */
    static final double ELEV = Math.asin(1 / Math.sqrt(3)), AZIM = Math.toRadians(45);
    private static final String FONT = fontFamily();

    private static final int[][] STOPS = { // ColorBrewer RdYlBu, reversed: blue → yellow → red
            {49, 54, 149}, {69, 117, 180}, {116, 173, 209}, {171, 217, 233}, {255, 255, 191},
            {254, 224, 144}, {253, 174, 97}, {244, 109, 67}, {215, 48, 39}};

    static {
        // Pictures are drawn off-screen; never try to reach a display (ssh -X sessions, batch nodes).
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private SphereRenderer() {}

    public static void writePng(Scene s, Path file) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        draw(g, s);
        g.dispose();
        AtomicOutput.writeBytes(file, out -> ImageIO.write(img, "png", out));
    }

    public static void writeSvg(Scene s, Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        draw(g, s);
        AtomicOutput.writeBytes(file, out -> new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, W, H)).writeTo(out));
    }

    /** Camera basis {right, up, towards viewer} of the 3-D view. */
    static double[][] camera() {
        double[] v = {Math.cos(ELEV) * Math.cos(AZIM), Math.cos(ELEV) * Math.sin(AZIM), Math.sin(ELEV)};
        double[] z = {0, 0, 1};
        double d = dot(z, v);
        double[] up = {z[0] - d * v[0], z[1] - d * v[1], z[2] - d * v[2]};
        normalise(up);
        double[] right = cross(up, v);
        return new double[][] {right, up, v};
    }

    static void draw(Graphics2D g, Scene s) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(font(Font.BOLD, 20));
        centred(g, s.title(), 505, 32);
        g.setFont(font(Font.PLAIN, 14));
        centred(g, s.subtitle(), 505, 56);

        double[][] cam = camera();
        g.drawImage(shadedSphere(s, cam), CX[0] - R, CY - R, 2 * R, 2 * R, null);
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(CX[0] - R, CY - R, 2 * R, 2 * R));
        drawAxes(g, cam, CX[0], s.axisLabels());
        markSphere(g, cam, s.mostOrdered(), true);
        markSphere(g, cam, s.leastOrdered(), false);

        g.drawImage(equalAreaMap(s), CX[1] - R, CY - R, 2 * R, 2 * R, null);
        drawMapGrid(g, s.axisLabels());
        markMap(g, s.mostOrdered(), true);
        markMap(g, s.leastOrdered(), false);

        g.setColor(Color.BLACK);
        g.setFont(font(Font.PLAIN, 13));
        centred(g, "3-D view from the [111] side", CX[0], CY + R + 34);
        centred(g, "equal-area map of the upper hemisphere (O(−n) = O(n))", CX[1], CY + R + 34);
        drawColourBar(g, s);
        g.setFont(font(Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("○ most ordered sampled direction    × least ordered", 30, H - 12);
    }

    /** The 3-D view: P per pixel, 2×2 supersampled, Lambert-shaded. */
    static BufferedImage shadedSphere(Scene s, double[][] cam) {
        double[] light = {-0.45, 0.6, 0.66}; // camera coordinates: upper left, towards the viewer
        normalise(light);
        return disc((x, y, n) -> {
            double rr = x * x + y * y;
            if (rr > 1) return -1;
            double z = Math.sqrt(1 - rr);
            for (int k = 0; k < 3; k++) n[k] = x * cam[0][k] + y * cam[1][k] + z * cam[2][k];
            return 0.62 + 0.38 * Math.max(0, x * light[0] + y * light[1] + z * light[2]);
        }, s);
    }

    /** Lambert azimuthal equal-area map of n_z ≥ 0: rim = equator, radius ρ = sin(θ/2)/sin(45°). */
    static BufferedImage equalAreaMap(Scene s) {
        return disc((x, y, n) -> {
            double rho = Math.sqrt(x * x + y * y);
            if (rho > 1) return -1;
            double theta = 2 * Math.asin(rho * Math.sin(Math.PI / 4));
            double phi = Math.atan2(y, x);
            n[0] = Math.sin(theta) * Math.cos(phi);
            n[1] = Math.sin(theta) * Math.sin(phi);
            n[2] = Math.cos(theta);
            return 1.0;
        }, s);
    }

    /** Maps disc coordinates (x, y ∈ [−1,1], y up) to a direction; returns the shade, or −1 outside. */
    private interface Projection { double direction(double x, double y, double[] n); }

    private static BufferedImage disc(Projection proj, Scene s) {
        int size = 2 * R;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        double[] n = new double[3];
        double span = s.pMax() - s.pMin();
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                double r = 0, gr = 0, b = 0;
                int hits = 0;
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        double x = ((px + 0.25 + 0.5 * sx) - R) / R, y = (R - (py + 0.25 + 0.5 * sy)) / R;
                        double shade = proj.direction(x, y, n);
                        if (shade < 0) continue;
                        int[] c = colour(span > 0 ? (s.p().applyAsDouble(n) - s.pMin()) / span : 0.5);
                        r += c[0] * shade; gr += c[1] * shade; b += c[2] * shade;
                        hits++;
                    }
                }
                if (hits == 0) continue;
                int alpha = (int) Math.round(255.0 * hits / 4);
                img.setRGB(px, py, (alpha << 24) | (clamp(r / hits) << 16) | (clamp(gr / hits) << 8) | clamp(b / hits));
            }
        }
        return img;
    }

    /** The colour of t ∈ [0,1] (clamped). */
    static int[] colour(double t) {
        if (!(t >= 0)) t = 0;
        if (t > 1) t = 1;
        double pos = t * (STOPS.length - 1);
        int i = Math.min((int) pos, STOPS.length - 2);
        double f = pos - i;
        int[] c = new int[3];
        for (int k = 0; k < 3; k++) c[k] = (int) Math.round(STOPS[i][k] + f * (STOPS[i + 1][k] - STOPS[i][k]));
        return c;
    }

    private static void drawAxes(Graphics2D g, double[][] cam, int cx, String[] labels) {
        g.setStroke(new BasicStroke(2f));
        g.setFont(font(Font.BOLD, 14));
        for (int a = 0; a < 3; a++) {
            double[] e = new double[3];
            e[a] = 1;
            // Visible pieces of the ray from the surface out to 1.2: hidden when behind the sphere.
            int steps = 40;
            for (int i = 0; i < steps; i++) {
                double t0 = 1 + 0.2 * i / steps, t1 = 1 + 0.2 * (i + 1) / steps;
                double[] pm = project(cam, e, 0.5 * (t0 + t1));
                if (pm[2] < 0 && pm[0] * pm[0] + pm[1] * pm[1] < 1) continue;
                double[] p0 = project(cam, e, t0), p1 = project(cam, e, t1);
                g.setColor(Color.BLACK);
                g.draw(new Line2D.Double(cx + p0[0] * R, CY - p0[1] * R, cx + p1[0] * R, CY - p1[1] * R));
            }
            double[] tip = project(cam, e, 1.3);
            if (!(tip[2] < 0 && tip[0] * tip[0] + tip[1] * tip[1] < 1)) {
                g.setColor(Color.BLACK);
                centred(g, labels[a], cx + tip[0] * R, CY - tip[1] * R + 5);
            }
        }
    }

    /** Grid of the map: polar-angle circles every 30°, azimuth spokes every 45°, axis labels on the rim. */
    private static void drawMapGrid(Graphics2D g, String[] labels) {
        int cx = CX[1];
        g.setStroke(new BasicStroke(0.8f));
        g.setColor(new Color(255, 255, 255, 150));
        for (int deg = 30; deg < 90; deg += 30) {
            double rho = Math.sin(Math.toRadians(deg) / 2) / Math.sin(Math.PI / 4) * R;
            g.draw(new Ellipse2D.Double(cx - rho, CY - rho, 2 * rho, 2 * rho));
        }
        for (int k = 0; k < 8; k++) {
            double phi = k * Math.PI / 4;
            g.draw(new Line2D.Double(cx, CY, cx + R * Math.cos(phi), CY - R * Math.sin(phi)));
        }
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(cx - R, CY - R, 2 * R, 2 * R));
        g.setColor(Color.BLACK);
        g.setFont(font(Font.BOLD, 14));
        centred(g, labels[0], cx + R + 26, CY + 5);
        centred(g, labels[1], cx, CY - R - 8);
        centred(g, labels[2], cx, CY - 6);
        g.fill(new Ellipse2D.Double(cx - 2.5, CY - 2.5, 5, 5));
        g.setFont(font(Font.PLAIN, 11));
        g.setColor(Color.DARK_GRAY);
        centred(g, "θ=30°", cx + Math.sin(Math.toRadians(15)) / Math.sin(Math.PI / 4) * R * 0.71 + 14,
                CY + Math.sin(Math.toRadians(15)) / Math.sin(Math.PI / 4) * R * 0.71 + 14);
    }

    private static void markSphere(Graphics2D g, double[][] cam, double[] dir, boolean open) {
        if (dir == null) return;
        // O(−n) = O(n): mark whichever of ±n faces the viewer.
        double[] p = project(cam, dir, 1);
        if (p[2] < 0) p = project(cam, dir, -1);
        mark(g, CX[0] + p[0] * R, CY - p[1] * R, open);
    }

    private static void markMap(Graphics2D g, double[] dir, boolean open) {
        if (dir == null) return;
        double x = dir[0], y = dir[1], z = dir[2];
        if (z < 0) { x = -x; y = -y; z = -z; }
        double theta = Math.acos(Math.min(1, z));
        double rho = Math.sin(theta / 2) / Math.sin(Math.PI / 4);
        double phi = Math.atan2(y, x);
        mark(g, CX[1] + rho * Math.cos(phi) * R, CY - rho * Math.sin(phi) * R, open);
    }

    private static void mark(Graphics2D g, double x, double y, boolean open) {
        g.setStroke(new BasicStroke(2.5f));
        if (open) {
            g.setColor(Color.WHITE);
            g.draw(new Ellipse2D.Double(x - 8, y - 8, 16, 16));
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Ellipse2D.Double(x - 9.5, y - 9.5, 19, 19));
        } else {
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(x - 7, y - 7, x + 7, y + 7));
            g.draw(new Line2D.Double(x - 7, y + 7, x + 7, y - 7));
        }
    }

    private static void drawColourBar(Graphics2D g, Scene s) {
        int x0 = 1000, w = 24, top = CY - R, bottom = CY + R;
        for (int yy = top; yy < bottom; yy++) {
            double t = (bottom - yy - 0.5) / (bottom - top);
            int[] c = colour(t);
            g.setColor(new Color(c[0], c[1], c[2]));
            g.fill(new Rectangle2D.Double(x0, yy, w, 1.0));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0, top, w, bottom - top));
        g.setFont(font(Font.PLAIN, 13));
        double span = s.pMax() - s.pMin();
        java.util.List<Double> inside = new java.util.ArrayList<>();
        for (double t : s.ticks()) {
            double f = span > 0 ? (t - s.pMin()) / span : 0.5;
            if (f >= -1e-9 && f <= 1 + 1e-9) inside.add(t);
        }
        // The spec's ticks have two decimals; for a very narrow range they all fall outside, so
        // the bar gets five evenly spaced ticks with enough digits instead.
        boolean own = inside.size() < 2;
        if (own) {
            inside.clear();
            for (int k = 0; k < 5; k++) inside.add(s.pMin() + span * k / 4);
        }
        int digits = own ? Math.max(2, (int) Math.ceil(-Math.log10(Math.max(span, 1e-15) / 4)) + 1) : 2;
        for (double t : inside) {
            double f = span > 0 ? (t - s.pMin()) / span : 0.5;
            double y = bottom - f * (bottom - top);
            g.draw(new Line2D.Double(x0 + w, y, x0 + w + 5, y));
            g.drawString(String.format(Locale.ROOT, "%." + digits + "f", t), x0 + w + 8, (float) (y + 5));
        }
        AffineTransform old = g.getTransform();
        g.setFont(font(Font.BOLD, 14));
        g.rotate(-Math.PI / 2, x0 + w + (own ? 78 : 62), (top + bottom) / 2.0);
        centred(g, "Order (1 − O)", x0 + w + (own ? 78 : 62), (top + bottom) / 2.0);
        g.setTransform(old);
    }

    /** Screen coordinates {right, up, depth} of t·e in a camera basis. */
    private static double[] project(double[][] cam, double[] e, double t) {
        return new double[] {t * dot(e, cam[0]), t * dot(e, cam[1]), t * dot(e, cam[2])};
    }

    private static void centred(Graphics2D g, String text, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) y);
    }

    private static Font font(int style, int size) { return new Font(FONT, style, size); }

    private static String fontFamily() {
        try {
            for (String f : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                if (f.equals("DejaVu Sans")) return f;
        } catch (RuntimeException | Error headlessTrouble) {
            // fall through to the logical font
        }
        return Font.SANS_SERIF;
    }

    private static int clamp(double v) { return (int) Math.max(0, Math.min(255, Math.round(v))); }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static void normalise(double[] v) {
        double s = Math.sqrt(dot(v, v));
        for (int k = 0; k < 3; k++) v[k] /= s;
    }

    /** The scene for one result: P(n) = 1 − O(n) from the fitted order, range and ticks from the sphere. */
    public static Scene scene(String name, String species, LroResult r) {
        LongRangeOrder lro = r.model();
        SphereSummary s = r.sphere();
        boolean ang = r.angstromSphere();
        ToDoubleFunction<double[]> p = n -> 1 - lro.orderOfUnit(n[0], n[1], n[2], ang);
        int iMin = 0, iMax = 0;
        for (int k = 0; k < s.order().length; k++) {
            if (s.order()[k] < s.order()[iMin]) iMin = k;
            if (s.order()[k] > s.order()[iMax]) iMax = k;
        }
        String sub = String.format(Locale.ROOT, "%s, %d atoms, lattice planes %s;  mean O = %.4g, O[001] = %s;  %d directions%s",
                species, r.atoms(), r.dimsText(), s.mean(), r.directions().isEmpty() ? "-" : fmt(r, 0), s.order().length,
                ang ? " (Å variant)" : "");
        String[] labels = ang ? new String[] {"x", "y", "z"} : new String[] {"[100]", "[010]", "[001]"};
        return new Scene("Long-range order: " + name, sub, p, 1 - s.max(), 1 - s.min(), s.ticks(), labels,
                s.directions()[iMin], s.directions()[iMax]);
    }

    private static String fmt(LroResult r, int idx) {
        for (int i = 0; i < r.directions().size(); i++)
            if (r.directions().get(i).label().equals("0 0 1"))
                return String.format(Locale.ROOT, "%.4g", r.angstromSphere() ? r.orderAngstrom()[i] : r.order()[i]);
        return "-";
    }
}

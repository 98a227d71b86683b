package io.idcardstream.engine.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes labels.json in the dev set's format (../shared/datasets/idcards-dev/labels.json), plus {@code variant} and
 * {@code readable} per image.
 */
final class LabelsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabelsJson() {
    }

    static void write(Path file, List<SyntheticImage> images, String command, long seed) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("description", "Synthetic Chinese resident ID cards (fictional identities, neutral silhouettes)"
                + " rendered in the real card layout and captured in varied conditions. Fields as printed.");
        ObjectNode generator = root.putObject("generator");
        generator.put("class", SyntheticCardGenerator.class.getName());
        generator.put("command", command);
        generator.put("seed", seed);
        generator.putArray("fonts").add(CardFonts.CJK_FONT + " (Debian fonts-wqy-zenhei)")
                .add(CardFonts.MONO_FONT + " (Debian fonts-dejavu-core)");
        ObjectNode conventions = root.putObject("field_conventions");
        conventions.put("birth", "ISO date YYYY-MM-DD; birth_printed keeps the card's own 年/月/日 form");
        conventions.put("address", "full address with line breaks and spaces removed");
        conventions.put("id_number", "exactly as printed (X uppercase); id_checksum_valid = GB 11643 check digit test");
        conventions.put("valid_period", "as printed on the back, YYYY.MM.DD-YYYY.MM.DD or YYYY.MM.DD-长期");
        conventions.put("rotation_cw_to_upright", "degrees to rotate clockwise to make each side upright");
        if (images.stream().anyMatch(i -> !i.capture().skewCwToUprightDeg().isEmpty())) {
            conventions.put("skew_cw_to_upright_deg", "only for sides turned by an arbitrary angle: the exact clockwise"
                    + " rotation in degrees that makes the side upright (rotation_cw_to_upright is its nearest multiple"
                    + " of 90)");
        }
        conventions.put("capture", "rendered | scan | photo | screen_reshoot | photocopy");
        conventions.put("variant", "the generator's capture recipe (SyntheticCardGenerator's Variant)");
        conventions.put("readable", "false when the image is degraded on purpose beyond what a person can read");
        ArrayNode list = root.putArray("images");
        for (SyntheticImage image : images) {
            list.add(entry(image));
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static ObjectNode entry(SyntheticImage image) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", image.file());
        ArrayNode sides = node.putArray("sides");
        image.sides().labels().forEach(sides::add);
        node.put("width", image.width());
        node.put("height", image.height());
        node.put("bytes", image.jpeg().length);
        node.put("sha256", sha256(image.jpeg()));
        node.put("variant", image.recipe().label());
        node.put("readable", image.recipe().readable());
        ObjectNode conditions = node.putObject("conditions");
        Capture capture = image.capture();
        conditions.put("capture", capture.captureLabel());
        conditions.put("color", capture.colorLabel());
        ObjectNode rotation = conditions.putObject("rotation_cw_to_upright");
        image.sides().labels().forEach(side -> rotation.put(side, capture.rotationCwToUpright().get(side)));
        if (!capture.skewCwToUprightDeg().isEmpty()) {
            ObjectNode skew = conditions.putObject("skew_cw_to_upright_deg");
            image.sides().labels().stream().filter(capture.skewCwToUprightDeg()::containsKey)
                    .forEach(side -> skew.put(side, capture.skewCwToUprightDeg().get(side)));
        }
        ArrayNode tags = conditions.putArray("tags");
        image.recipe().tags().forEach(tags::add);
        capture.extraTags().forEach(tags::add);
        ObjectNode truth = node.putObject("ground_truth");
        SyntheticIdentity id = image.identity();
        if (image.sides() != Sides.BACK) {
            ObjectNode front = truth.putObject("front");
            front.put("name", id.name());
            front.put("sex", id.sex().printed());
            front.put("nation", id.nation());
            front.put("birth", id.birth().toString());
            front.put("birth_printed", id.birthPrinted());
            front.put("address", id.address());
            front.put("id_number", id.idNumber());
            front.put("id_checksum_valid", true);
        }
        if (image.sides() != Sides.FRONT) {
            ObjectNode back = truth.putObject("back");
            back.put("authority", id.authority());
            back.put("valid_period", id.validPeriod());
        }
        return node;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

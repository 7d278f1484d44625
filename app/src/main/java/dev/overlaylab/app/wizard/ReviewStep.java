package dev.overlaylab.app.wizard;

import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/** Step 4: the lab file and every rendered file per node, read-only. */
final class ReviewStep extends StepPanel {
    /** One entry of the file list: a short title, the full path (or what it is) and the text it shows. */
    record Item(String title, String detail, String text) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final DefaultListModel<Item> items = new DefaultListModel<>();
    private final JList<Item> list = new JList<>(items);
    private final JTextArea text = new JTextArea();
    private final javax.swing.JLabel detail = new javax.swing.JLabel(" ");

    ReviewStep() {
        super(WizardStep.REVIEW);
        list.setName("wizard.review.files");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        text.setName("wizard.review.text");
        text.setEditable(false);
        dev.overlaylab.app.ui.Fonts.monospaced(text);
        list.addListSelectionListener(e -> {
            Item it = list.getSelectedValue();
            text.setText(it == null ? "" : it.text());
            detail.setText(it == null ? " " : it.detail());
            text.setCaretPosition(0);
        });
        body.setLayout(new MigLayout("insets 0, fill",
                // columns
                "[grow, fill]",
                // rows
                "[grow, fill]"));
        detail.setName("wizard.review.detail");

        javax.swing.JPanel right = new javax.swing.JPanel(new MigLayout("insets 0, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[]4[grow, fill]"));
        right.add(detail, "wmin 0");
        right.add(new JScrollPane(text));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(list), right);
        split.setResizeWeight(0.32);
        split.setBorder(null);
        body.add(split);
        field("(lab)", list);
    }

    @Override
    void configure(WizardDraft draft) {
    }

    @Override
    void modifyDraft(WizardDraft draft) {
    }

    void show(ReviewData data) {
        String keep = list.getSelectedValue() == null ? null : list.getSelectedValue().title();
        items.clear();
        items.addElement(new Item(Messages.get("wizard.review.labFile"), Messages.get("wizard.review.labFile.detail"),
                data.yaml()));
        if (data.rendered().isPresent()) {
            RenderedLab r = data.rendered().get();
            items.addElement(new Item(Messages.get("wizard.review.networkConfig"),
                    Messages.get("wizard.review.networkConfig.detail"), r.networkConfigJson()));
            for (Map.Entry<String, List<RenderedFile>> node : r.files().entrySet()) {
                for (RenderedFile f : node.getValue()) {
                    String name = f.path().substring(f.path().lastIndexOf('/') + 1);
                    String restarts = f.restarts().isEmpty() ? "" : Messages.format("wizard.review.restarts",
                            String.join(", ", f.restarts()));
                    items.addElement(new Item(node.getKey() + " \u00b7 " + name, Messages.format("wizard.review.fileDetail",
                            node.getKey(), f.path(), String.format("%04o", f.mode()), restarts), f.content()));
                }
            }
        } else {
            String why = data.validation().valid()
                    ? Messages.format("wizard.review.renderUnavailable", data.renderNote().orElse(""))
                    : Messages.get("wizard.review.fixFirst");
            items.addElement(new Item(Messages.get("wizard.review.rendered"), " ", why));
        }
        int idx = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).title().equals(keep)) {
                idx = i;
            }
        }
        list.setSelectedIndex(idx);
    }

    int itemCount() {
        return items.size();
    }
}

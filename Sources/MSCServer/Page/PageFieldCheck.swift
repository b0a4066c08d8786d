extension Page {
    /// A changed assumption is kept only once the server accepts it (a quick central run with the
    /// change): a refused value shows the server's message at the field the user is at, and
    /// "Your changes" lists only accepted changes. Placed inside the page script (it uses `el`,
    /// `api`, `requestBody`, `state`, `renderAssumptions` and `changed`).
    static let fieldCheckScript = #"""
        // MARK: A change is checked before it is kept
        function clearFieldError(anchor) {
          const cell = anchor.closest("td") || anchor.parentNode;
          for (const old of cell.querySelectorAll(".field-error")) old.remove();
          anchor.removeAttribute("aria-invalid");
          anchor.removeAttribute("aria-describedby");
        }
        function showFieldError(anchor, name, message) {
          clearFieldError(anchor);
          const id = "field-error-" + name;
          const note = el("p", {class: "error field-error", id: id, role: "alert"}, message);
          anchor.after(note);
          anchor.setAttribute("aria-invalid", "true");
          anchor.setAttribute("aria-describedby", id);
        }
        async function proposeOverride(name, value, anchor) {
          const overrides = Object.assign({}, state.overrides);
          if (value === undefined) delete overrides[name]; else overrides[name] = value;
          if (selectedNames().length > 0) {
            try {
              await api("/api/run", requestBody({central: true, overrides: overrides}));
            } catch (error) {
              // A refused value (400) stays at its field, out of the state; other failures show at the top.
              if (error.status === 400) { showFieldError(anchor, name, error.message); return; }
              showError(error);
              return;
            }
          }
          state.overrides = overrides;
          renderAssumptions();
          changed();
        }
    """#
}

// A switch (a checkbox drawn as one) turns on and off with Enter as with Space, instead of
// submitting its form unchanged.
document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches && event.target.matches("input[type=checkbox][role=switch]")) {
        event.preventDefault();
        event.target.click();
    }
});

// The team calendar: a click on an empty day of a row one may plan for opens the plan form from
// that day (data-plan-day on the cell, data-plan-url on its row). Keyboards use the row's Plan
// button and the form's date instead, so the days are not a tab stop each.
document.addEventListener("click", function (event) {
    var cell = event.target.closest && event.target.closest("[data-plan-day]");
    var row = cell && cell.closest("[data-plan-url]");
    if (row) {
        window.location.href = row.dataset.planUrl + "?day=" + cell.dataset.planDay;
    }
});

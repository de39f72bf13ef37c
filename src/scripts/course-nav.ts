/** On a wide screen the course tree beside the text starts open; on a phone it stays folded above it. */
const nav = document.querySelector<HTMLDetailsElement>('[data-course-nav]');
if (nav && window.matchMedia('(min-width: 72rem)').matches) nav.open = true;

// Placeholder until the story client lands (owned by the story-client work).
document.documentElement.classList.add('js');

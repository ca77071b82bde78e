(() => {
  const { $, api, TOKEN } = window.Web;
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $('login-error');
    error.textContent = '';
    const userId = $('user-id').value.trim();
    const password = $('password').value;
    if (!userId || !password) {
      error.textContent = 'Enter your User ID and password.';
      return;
    }
    const button = $('sign-in');
    button.disabled = true;
    const result = await api('POST', '/app/api/login', { userId, password });
    button.disabled = false;
    if (!result.ok) {
      error.textContent = result.message;
      $('password').select();
      return;
    }
    sessionStorage.setItem(TOKEN, result.body.dashboardToken);
    location.assign('/app/api-keys');
  });
})();

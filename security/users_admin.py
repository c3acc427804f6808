"""The admin's user forms offer roles only to a superuser.

security.auth_roles already refuses (403) any change of groups or of the superuser flag
made in a request of someone who is not a superuser, whatever the form. A user manager
should not be shown boxes that can only end in that refusal, so for them the "Roles" tab
(the groups and "Administrator" boxes) leaves the new-user and edit forms: the roles a
person holds are listed as text, with a note that a superuser grants them. A superuser
sees Wagtail's forms unchanged."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

ROLE_FIELDS = ("groups", "is_superuser")


class _RolesForSuperusersOnly:
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_grant_roles = bool(for_user and for_user.is_superuser)
        if not self.can_grant_roles:
            for name in ROLE_FIELDS:
                self.fields.pop(name, None)


class ManagerUserCreationForm(_RolesForSuperusersOnly, UserCreationForm):
    pass


class ManagerUserEditForm(_RolesForSuperusersOnly, UserEditForm):
    pass


class _ForUserFormKwargs:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs


class CreateView(_ForUserFormKwargs, users.CreateView):
    pass


class EditView(_ForUserFormKwargs, users.EditView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    create_template_name = "security/users/create.html"
    edit_template_name = "security/users/edit.html"

    def get_form_class(self, for_update=False):
        return ManagerUserEditForm if for_update else ManagerUserCreationForm
